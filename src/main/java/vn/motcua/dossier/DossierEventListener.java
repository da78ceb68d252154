package vn.motcua.dossier;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;

/**
 * A consumer of {@link DossierEvent}s that runs in the publishing transaction as a plain listener: no reflective
 * {@code @EventListener} adapter and no proxy on the hot path of every move (the audit's reason, measured in issue 7).
 * The journal, the oversight projections and the centre's desk flow are written this way.
 */
public abstract class DossierEventListener implements GenericApplicationListener {

    @Override
    public final boolean supportsEventType(ResolvableType eventType) {
        return PayloadApplicationEvent.class.isAssignableFrom(eventType.toClass())
                && DossierEvent.class.isAssignableFrom(eventType.as(PayloadApplicationEvent.class).getGeneric().toClass());
    }

    @Override
    public final void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof DossierEvent dossierEvent) {
            on(dossierEvent);
        }
    }

    /** One event, in the transaction that published it. */
    protected abstract void on(DossierEvent event);
}
