/**
 * Notices between nodes: "something of this session changed", sent with PostgreSQL's NOTIFY inside the change's
 * transaction and heard by every node after it commits. Features that show live state (captions, polls, access
 * help) use it so that a page open on one node sees a change made on another.
 */
@NullMarked
package org.convene.core.live;

import org.jspecify.annotations.NullMarked;
