@NullMarked
package org.convene.recordings;

import org.jspecify.annotations.NullMarked;
