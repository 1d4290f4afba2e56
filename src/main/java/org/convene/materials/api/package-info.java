@NullMarked
package org.convene.materials.api;

import org.jspecify.annotations.NullMarked;
