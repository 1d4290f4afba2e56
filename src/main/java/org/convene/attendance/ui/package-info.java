@NullMarked
package org.convene.attendance.ui;

import org.jspecify.annotations.NullMarked;
