@NullMarked
package org.convene.qa.api;

import org.jspecify.annotations.NullMarked;
