"""Words bench/gen_vault.py builds its notes from: names, companies, topics, phrases."""

FIRST_NAMES = [
    "Jeff", "Jason", "Andy", "Eyal", "Liraz", "Tomer", "Shachar", "Phil", "Brandon", "Carl",
    "Rob", "Ben", "Dana", "Noa", "Yael", "Michal", "Ori", "Gil", "Roni", "Tamar", "Sarah",
    "Rachel", "David", "Daniel", "Michael", "Robert", "William", "Elizabeth", "Katherine",
    "Jonathan", "Alexander", "Nicholas", "Samuel", "Benjamin", "Christopher", "Matthew",
    "Jennifer", "Jessica", "Emily", "Olivia", "Sophia", "Isabella", "Mia", "Amelia", "Harper",
    "Ethan", "Noah", "Liam", "Lucas", "Mason", "Logan", "Aiden", "Priya", "Arjun", "Ananya",
    "Rahul", "Vikram", "Deepa", "Wei", "Jun", "Mei", "Hiroshi", "Yuki", "Kenji", "Min-jun",
    "Seo-yeon", "Fatima", "Omar", "Layla", "Karim", "Amir", "Nadia", "Kwame", "Ama", "Chidi",
    "Ngozi", "Lars", "Ingrid", "Sven", "Astrid", "Pieter", "Anouk", "Hans", "Greta", "Pierre",
    "Camille", "Luca", "Giulia", "Mateo", "Lucía", "José", "Zoë", "Renée", "Søren", "François",
    "Łukasz", "Agnieszka", "Małgorzata", "Jürgen", "Anaïs", "Inês", "João", "Ángel", "Chloé",
    "Björn", "Dagný", "Ömer", "Çağla", "Mónica", "Íñigo", "Asaf", "Or", "Itai", "Avi", "Moshe",
    "Ruth", "Miriam", "Hila", "Nir", "Erez", "Gal", "Shira", "Talia", "Uri", "Yoav",
]
LAST_NAMES = [
    "Denworth", "Vallery", "Perlsteiner", "Traitel", "Hagay", "Feinblit", "Wagstrom", "Cohen",
    "Levi", "Mizrahi", "Peretz", "Biton", "Friedman", "Shapiro", "Katz", "Goldberg", "Rosen",
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
    "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
    "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis",
    "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen",
    "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Campbell", "Mitchell", "Carter",
    "Patel", "Sharma", "Iyer", "Reddy", "Chen", "Wang", "Zhang", "Liu", "Tanaka", "Suzuki",
    "Sato", "Kim", "Park", "Choi", "Haddad", "Khalil", "Mensah", "Okafor", "Adeyemi",
    "Johansson", "Lindqvist", "Nielsen", "de Vries", "van der Berg", "Schmidt", "Müller",
    "Schröder", "Dubois", "Lefèvre", "Rossi", "Bianchi", "Fernández", "Núñez", "García Márquez",
    "Kowalski", "Wiśniewski", "Nowak", "Gonçalves", "Šimić", "Øster", "Ben Or", "Ben David",
    "O'Brien", "Smith-Jones", "McAllister", "Da Silva", "Yılmaz", "Þórsson", "Ashkenazi",
    "Avraham", "Dahan", "Ohana", "Amsalem", "Halevi", "Segal", "Weiss", "Klein", "Stern",
]
NICKNAMES = {
    "Michael": "Mike", "Robert": "Bob", "William": "Bill", "Elizabeth": "Liz",
    "Katherine": "Kate", "Jonathan": "Jon", "Alexander": "Alex", "Nicholas": "Nick",
    "Samuel": "Sam", "Benjamin": "Ben", "Christopher": "Chris", "Matthew": "Matt",
    "Daniel": "Dan", "David": "Dave", "Jennifer": "Jen", "Jessica": "Jess",
}
COMPANY_HEADS = [
    "Northwind", "Contoso", "Fabrikam", "Initech", "Globex", "Umbrella", "Hooli", "Stark",
    "Wayne", "Tyrell", "Cyberdyne", "Soylent", "Vandelay", "Aperture", "Oscorp", "Pied Piper",
    "Wonka", "Acme", "Gringotts", "Nakatomi", "Monarch", "Massive Dynamic", "Blue Sun",
    "Weyland", "Yoyodyne", "Zorg", "Virtucon", "Dunder", "Prestige", "Sirius", "Ollivander",
    "Kaiju", "Helios", "Boreal", "Meridian", "Quantum Ridge", "Silverline", "Redwood", "Atlas",
    "Nimbus",
]
COMPANY_TAILS = [
    "Labs", "Systems", "AI", "Cloud", "Bank", "Health", "Energy", "Media", "Robotics",
    "Analytics", "Networks", "Pharma", "Motors", "Capital", "Research",
]
PROJECT_WORDS = [
    "Apollo", "Artemis", "Borealis", "Cascade", "Delta", "Everest", "Falcon", "Granite",
    "Horizon", "Ion", "Juniper", "Kestrel", "Lumen", "Mosaic", "Nebula", "Orion", "Pioneer",
    "Quasar", "Raven", "Sierra", "Tundra", "Umbra", "Vector", "Willow", "Xenon", "Zephyr",
]
PROJECT_KINDS = [
    "Project {w}", "{w} Migration", "{w} GA", "{w} Pricing", "{w} Enablement", "{w} Benchmark",
    "5.{n} Features", "{w} Failover Design", "{w} Marketplace", "{w} Deck",
]
TOPICS = [
    "GCP IP reassignment", "VIP failover options", "RDMA networking on Z4M", "object tiering",
    "metadata persistence", "QoS and governance", "the 5.5 release plan", "feature freeze dates",
    "the beta timeline", "multi-tenancy backlog", "the marketplace listing", "cloud economics",
    "SE Lab access", "field enablement", "the pricing model", "capacity planning",
    "the hiring plan", "the org landscape", "release intake", "the hotfix process",
    "phase gates", "customer escalations", "support handoffs", "data migration tooling",
    "disaster recovery", "snapshot retention", "quota enforcement", "audit logging",
    "the Q3 roadmap", "partner onboarding", "benchmark results", "latency regressions",
    "the security review", "SOC 2 evidence", "the CSI driver", "S3 compatibility gaps",
    "NFS performance", "GPU-direct storage", "cost modelling", "the board deck",
    "Private Service Connect", "cross-project connectivity", "per-VM bandwidth caps",
    "NIC topology", "the DataSpaces roadmap", "FRDs in Confluence", "the OVA build",
    "GitLab access", "the dual-track strategy", "weekly 1:1 cadence",
]
VERBS = [
    "aligned on", "reviewed", "discussed", "walked through", "agreed on", "revisited",
    "debated", "scoped", "prioritized", "clarified", "mapped out", "went deep on",
]
ACTIONS = [
    "share a pros/cons document", "schedule a follow-up deep dive", "draft the FRD in Confluence",
    "run a sizing exercise", "set up a weekly 30-minute 1:1", "collect customer volume projections",
    "write up the failover options", "book time with Google networking", "update the roadmap slide",
    "send the benchmark numbers", "open a ticket for the regression", "review the pricing sheet",
    "circulate meeting notes", "confirm the beta cohort", "prepare the exec summary",
    "loop in the support lead", "test the OVA in the SE Lab", "file the SOC 2 evidence",
    "estimate the migration effort", "document the escalation path",
]
OUTCOMES = [
    "the team will revisit this after feature freeze",
    "nobody owns documentation yet, which is a gap",
    "the current design leaves a short race window during failover",
    "customers care more about predictable latency than peak throughput",
    "the MVP ships through the marketplace first",
    "we need numbers before committing to a date",
    "the Google PM counterpart changed last month",
    "support wants a clearer handoff before GA",
    "this blocks two customer renewals",
    "cost per TB is the metric that matters to finance",
]
ROLES = [
    "Chief architect", "Staff engineer", "Product manager", "Engineering manager",
    "Field CTO", "Solutions engineer", "VP Engineering", "Director of Product", "Account executive",
    "Support lead", "Program manager", "Principal engineer", "Data scientist", "CFO", "CEO",
]
TEAMS = ["Architecture", "Cloud", "Platform", "Field", "Support", "Finance", "Sales", "Core"]
LOCATIONS = [
    "Tel Aviv", "New York", "San Francisco", "London", "Berlin", "Bangalore", "Tokyo", "Seattle",
    "Austin", "Paris", "Toronto", "Singapore", "Haifa", "Remote",
]
RELATIONSHIPS = [
    "Internal collaborator / technical stakeholder", "Manager", "Direct report", "Peer",
    "Customer contact", "Partner contact", "Executive sponsor", "Skip-level",
]
