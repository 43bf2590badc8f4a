import ArgumentParser
import CoachCore
import CoachStore
