@NullMarked
package org.convene.qa.ui;

import org.jspecify.annotations.NullMarked;
