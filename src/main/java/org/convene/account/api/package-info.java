@NullMarked
package org.convene.account.api;

import org.jspecify.annotations.NullMarked;
