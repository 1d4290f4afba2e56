@NullMarked
package org.convene.agenda.api;

import org.jspecify.annotations.NullMarked;
