@NullMarked
package org.convene.attendance.api;

import org.jspecify.annotations.NullMarked;
