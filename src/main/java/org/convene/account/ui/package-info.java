@NullMarked
package org.convene.account.ui;

import org.jspecify.annotations.NullMarked;
