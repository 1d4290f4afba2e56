@NullMarked
package org.convene.core.security;

import org.jspecify.annotations.NullMarked;
