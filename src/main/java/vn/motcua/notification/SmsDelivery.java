package vn.motcua.notification;

import org.springframework.stereotype.Component;

import java.util.List;

/** SMS through the gateway {@code motcua.notification.sms.gateway} names; refuses to start when none has that name. */
@Component
class SmsDelivery implements Delivery {

    private final NotificationSettings settings;
    private final SmsGateway gateway;

    SmsDelivery(NotificationSettings settings, List<SmsGateway> gateways) {
        this.settings = settings;
        this.gateway = gateways.stream().filter(g -> g.name().equals(settings.sms().gateway())).findFirst()
                .orElseThrow(() -> new IllegalStateException("motcua.notification.sms.gateway=" + settings.sms().gateway()
                        + ": không có cổng SMS tên này (có: " + gateways.stream().map(SmsGateway::name).toList() + ")"));
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.SMS;
    }

    @Override
    public boolean available() {
        return settings.sms().enabled();
    }

    @Override
    public void deliver(OutboxMessage m) throws Exception {
        gateway.send(m.recipient(), SmsText.fit(m.body(), settings.sms().unaccented(), settings.sms().maxParts()));
    }
}
