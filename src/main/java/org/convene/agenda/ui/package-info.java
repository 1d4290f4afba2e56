@NullMarked
package org.convene.agenda.ui;

import org.jspecify.annotations.NullMarked;
