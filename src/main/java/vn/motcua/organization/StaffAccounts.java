package vn.motcua.organization;

import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;
import java.util.UUID;

interface StaffAccounts extends ListCrudRepository<Staff, UUID> {

    Optional<Staff> findByUsername(String username);

    boolean existsByUsername(String username);
}
