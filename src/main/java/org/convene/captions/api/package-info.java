@NullMarked
package org.convene.captions.api;

import org.jspecify.annotations.NullMarked;
