@NullMarked
package org.convene.exchange.ui;

import org.jspecify.annotations.NullMarked;
