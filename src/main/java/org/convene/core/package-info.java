@NullMarked
package org.convene.core;

import org.jspecify.annotations.NullMarked;
