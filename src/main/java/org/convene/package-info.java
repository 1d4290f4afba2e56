@NullMarked
package org.convene;

import org.jspecify.annotations.NullMarked;
