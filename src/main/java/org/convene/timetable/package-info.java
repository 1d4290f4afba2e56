@NullMarked
package org.convene.timetable;

import org.jspecify.annotations.NullMarked;
