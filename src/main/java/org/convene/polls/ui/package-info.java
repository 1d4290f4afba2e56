/** The polls' and feedback's parts of the session page, the stage, the moderation page and the reports. */
@NullMarked
package org.convene.polls.ui;

import org.jspecify.annotations.NullMarked;
