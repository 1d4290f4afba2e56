@NullMarked
package org.convene.recordings.ui;

import org.jspecify.annotations.NullMarked;
