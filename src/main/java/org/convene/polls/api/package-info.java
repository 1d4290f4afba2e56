@NullMarked
package org.convene.polls.api;

import org.jspecify.annotations.NullMarked;
