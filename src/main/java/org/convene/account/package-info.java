@NullMarked
package org.convene.account;

import org.jspecify.annotations.NullMarked;
