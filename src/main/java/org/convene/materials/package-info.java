@NullMarked
package org.convene.materials;

import org.jspecify.annotations.NullMarked;
