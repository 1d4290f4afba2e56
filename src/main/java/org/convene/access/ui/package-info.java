/**
 * The access needs part of the account page, the counts and arrangement states in the session editor, the counts on
 * the moderation page, the withdrawal notices on the agenda and the booked or confirmed arrangements on the session
 * page.
 */
@NullMarked
package org.convene.access.ui;

import org.jspecify.annotations.NullMarked;
