/**
 * The convenience scrape endpoints, forwarded to the controller.
 */
@NullMarked
package io.dispycluster.gateway.scrape;

import org.jspecify.annotations.NullMarked;
