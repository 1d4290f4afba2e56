@NullMarked
package org.convene.exchange.api;

import org.jspecify.annotations.NullMarked;
