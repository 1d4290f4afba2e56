@NullMarked
package org.convene.core.database;

import org.jspecify.annotations.NullMarked;
