@NullMarked
package org.convene.captions;

import org.jspecify.annotations.NullMarked;
