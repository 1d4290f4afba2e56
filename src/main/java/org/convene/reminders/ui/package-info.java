/** The reminders' part of the account page: which emails a person gets, their time zone, the calendar alarm. */
@NullMarked
package org.convene.reminders.ui;

import org.jspecify.annotations.NullMarked;
