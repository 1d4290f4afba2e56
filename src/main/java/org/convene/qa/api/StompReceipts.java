package org.convene.qa.api;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/** Sends a STOMP RECEIPT for a client frame that asked for one, or an ERROR for one that was refused. */
@Component
class StompReceipts {

    // looked up lazily: the channel is made by the same configuration that needs the interceptor using this
    private final ObjectProvider<MessageChannel> clientOutbound;

    StompReceipts(@org.springframework.beans.factory.annotation.Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> clientOutbound) {
        this.clientOutbound = clientOutbound;
    }

    void send(StompHeaderAccessor frame) {
        StompHeaderAccessor receipt = StompHeaderAccessor.create(StompCommand.RECEIPT);
        receipt.setReceiptId(frame.getReceipt());
        receipt.setSessionId(frame.getSessionId());
        clientOutbound.getObject().send(MessageBuilder.createMessage(new byte[0], receipt.getMessageHeaders()));
    }

    /** A STOMP ERROR frame; as STOMP requires, the server closes the connection after it. */
    void error(StompHeaderAccessor frame, String message) {
        StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
        error.setMessage(message);
        if (frame.getReceipt() != null) {
            error.setReceiptId(frame.getReceipt());
        }
        error.setSessionId(frame.getSessionId());
        clientOutbound.getObject().send(MessageBuilder.createMessage(
                message.getBytes(java.nio.charset.StandardCharsets.UTF_8), error.getMessageHeaders()));
    }
}
