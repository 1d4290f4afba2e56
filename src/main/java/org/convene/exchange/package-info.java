@NullMarked
package org.convene.exchange;

import org.jspecify.annotations.NullMarked;
