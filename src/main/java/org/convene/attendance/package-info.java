@NullMarked
package org.convene.attendance;

import org.jspecify.annotations.NullMarked;
