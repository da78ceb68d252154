package vn.motcua.organization;

import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;
import java.util.UUID;

interface Agencies extends ListCrudRepository<Agency, UUID> {

    Optional<Agency> findByElectronicId(String electronicId);
}
