@NullMarked
package org.convene.programme.ui;

import org.jspecify.annotations.NullMarked;
