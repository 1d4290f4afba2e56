@NullMarked
package org.convene.core.ui;

import org.jspecify.annotations.NullMarked;
