package org.convene.qa.api;

import org.jspecify.annotations.Nullable;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * Remembers the client address of the WebSocket handshake, which the caps on anonymous connections count by.
 * Behind a proxy, the address is the one Tomcat was told (server.forward-headers-strategy, docs/deploy.md).
 */
final class ClientAddressHandshake implements HandshakeInterceptor {

    static final String ATTRIBUTE = "convene.clientAddress";
    static final String UNKNOWN = "unknown";

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        InetSocketAddress remote = request.getRemoteAddress();
        attributes.put(ATTRIBUTE, remote == null || remote.getAddress() == null ? UNKNOWN : remote.getAddress().getHostAddress());
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               @Nullable Exception exception) {
    }

    static String of(@Nullable Map<String, Object> sessionAttributes) {
        Object address = sessionAttributes == null ? null : sessionAttributes.get(ATTRIBUTE);
        return address instanceof String text ? text : UNKNOWN;
    }
}
