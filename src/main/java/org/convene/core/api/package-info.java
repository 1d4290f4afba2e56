@NullMarked
package org.convene.core.api;

import org.jspecify.annotations.NullMarked;
