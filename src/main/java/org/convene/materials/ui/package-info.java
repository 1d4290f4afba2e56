@NullMarked
package org.convene.materials.ui;

import org.jspecify.annotations.NullMarked;
