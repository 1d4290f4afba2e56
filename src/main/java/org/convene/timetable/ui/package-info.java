@NullMarked
package org.convene.timetable.ui;

import org.jspecify.annotations.NullMarked;
