package ru.kruzhok.parent;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ParentRepository extends JpaRepository<Parent, Long> {
    Optional<Parent> findByChannelAndChatId(String channel, String chatId);

    /** Channel and chat id of parents with notifications on who match an announcement's audience. */
    @Query("""
            select p.channel, p.chatId from Parent p
            where p.notifications = true
              and (:anyMunicipality = true or p.municipality in :municipalities)
              and (:anyAge = true or exists (select c.id from Child c where c.parent = p
                                              and c.birthYear between :minBirthYear and :maxBirthYear))
              and (:anyDirection = true or exists (select q.id from Parent q join q.interests i
                                                    where q = p and i in :directions))
            order by p.id
            """)
    List<Object[]> audience(@Param("anyMunicipality") boolean anyMunicipality,
                            @Param("municipalities") Collection<String> municipalities,
                            @Param("anyAge") boolean anyAge,
                            @Param("minBirthYear") int minBirthYear,
                            @Param("maxBirthYear") int maxBirthYear,
                            @Param("anyDirection") boolean anyDirection,
                            @Param("directions") Collection<String> directions);
}
