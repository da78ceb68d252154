package vn.motcua.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * NOT an SMS provider: writes to the log (logger {@code motcua.sms}) what a provider would be asked to send, and sends
 * nothing. For demonstrations and tests; production needs a real {@link SmsGateway}.
 */
@Component
class LoggingSmsGateway implements SmsGateway {

    static final String NAME = "logging";
    private static final Logger log = LoggerFactory.getLogger("motcua.sms");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void send(String phone, SmsText text) {
        log.info("SMS (chỉ ghi nhật ký, không gửi thật) tới {}: {} phần, mã hoá {}: {}", phone, text.parts(), text.encoding(), text.text());
    }
}
