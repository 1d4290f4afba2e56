@NullMarked
package org.convene.programme;

import org.jspecify.annotations.NullMarked;
