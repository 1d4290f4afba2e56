/**
 * Dates, times and time zones in words (GOV.UK and NHS style), one set of rules for pages, email and calendar
 * files alike: pure functions of java.time, so any module may use them.
 */
@NullMarked
package org.convene.core.time;

import org.jspecify.annotations.NullMarked;
