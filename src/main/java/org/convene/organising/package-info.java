@NullMarked
package org.convene.organising;

import org.jspecify.annotations.NullMarked;
