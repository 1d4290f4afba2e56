@NullMarked
package org.convene.demo;

import org.jspecify.annotations.NullMarked;
