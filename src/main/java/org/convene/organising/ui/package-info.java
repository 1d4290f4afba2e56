@NullMarked
package org.convene.organising.ui;

import org.jspecify.annotations.NullMarked;
