@NullMarked
package org.convene.agenda;

import org.jspecify.annotations.NullMarked;
