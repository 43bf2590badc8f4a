import CoachCore
import GRDB
