@NullMarked
package org.convene.qa;

import org.jspecify.annotations.NullMarked;
