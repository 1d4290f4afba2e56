@NullMarked
package org.convene.captions.ui;

import org.jspecify.annotations.NullMarked;
